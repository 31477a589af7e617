package dev.vestline.testharness;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connection details of one service's schema, reached with the service's own role.
 *
 * @param jdbcUrl the JDBC URL, with {@code currentSchema} set to the service's schema
 * @param username the service's role
 * @param password its password
 * @param schema the service's schema
 */
public record ServiceDatabase(String jdbcUrl, String username, String password, String schema) {

	/**
	 * @return a simple, unpooled data source for this schema and role
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.jdbcUrl);
		dataSource.setUser(this.username);
		dataSource.setPassword(this.password);
		return dataSource;
	}

}
