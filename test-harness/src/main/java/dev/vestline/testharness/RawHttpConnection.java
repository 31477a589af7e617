package dev.vestline.testharness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 connection written by hand, for what an HTTP client will not send: a
 * declared length with no body behind it, a chunked body that never ends, a path the
 * client would normalise.
 */
public final class RawHttpConnection implements AutoCloseable {

	private final Socket socket;

	private RawHttpConnection(Socket socket) {
		this.socket = socket;
	}

	/**
	 * @param port a server on localhost
	 * @return the open connection; a read waits at most 60 s
	 * @throws IOException when it cannot connect
	 */
	public static RawHttpConnection open(int port) throws IOException {
		Socket socket = new Socket("localhost", port);
		socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
		return new RawHttpConnection(socket);
	}

	/**
	 * @param text request line, headers or body, as ASCII
	 * @throws IOException when the server closed the connection
	 */
	public void send(String text) throws IOException {
		OutputStream out = this.socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/**
	 * Sends body chunks of zeros until done or until the server closes the connection (it
	 * answered while the body was still coming).
	 * @param chunks how many
	 * @param size bytes each
	 */
	public void sendChunks(int chunks, int size) {
		try {
			for (int i = 0; i < chunks; i++) {
				send(Integer.toHexString(size) + "\r\n");
				this.socket.getOutputStream().write(new byte[size]);
				send("\r\n");
			}
		}
		catch (IOException closed) {
			// the server answered and closed the connection while the body was coming
		}
	}

	/**
	 * @return the status line, headers and JSON body of one response
	 */
	public String readResponse() {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			InputStream in = this.socket.getInputStream();
			for (int n; (n = in.read(buffer)) > 0;) {
				received.write(buffer, 0, n);
				if (complete(received.toString(StandardCharsets.UTF_8))) {
					break;
				}
			}
		}
		catch (IOException reset) {
			// the server may reset a connection whose body it did not read: what came
			// before is the answer
		}
		return received.toString(StandardCharsets.UTF_8);
	}

	/** The headers and a whole JSON body, with a length or in chunks. */
	private static boolean complete(String response) {
		int headersEnd = response.indexOf("\r\n\r\n");
		return headersEnd >= 0 && response.indexOf('}', headersEnd) >= 0;
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
