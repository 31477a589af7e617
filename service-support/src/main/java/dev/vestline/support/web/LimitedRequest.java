package dev.vestline.support.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * A request whose body stops with {@link BodyTooLargeException} at the first byte past
 * the limit, however the body is read.
 */
final class LimitedRequest extends HttpServletRequestWrapper {

	private final DataSize limit;

	private @Nullable ServletInputStream stream;

	LimitedRequest(HttpServletRequest request, DataSize limit) {
		super(request);
		this.limit = limit;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.stream == null) {
			this.stream = new Counting(super.getInputStream(), this.limit);
		}
		return this.stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	/** Counts what the application reads and refuses the byte past the limit. */
	private static final class Counting extends ServletInputStream {

		private final ServletInputStream body;

		private final DataSize limit;

		private long read;

		Counting(ServletInputStream body, DataSize limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int next = this.body.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			// never ask for more than one byte past the limit
			int wanted = (int) Math.min(length, Math.max(1, this.limit.toBytes() - this.read + 1));
			int n = this.body.read(buffer, offset, wanted);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int bytes) {
			this.read += bytes;
			if (this.read > this.limit.toBytes()) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return this.body.available();
		}

		@Override
		public void close() throws IOException {
			this.body.close();
		}

	}

}
