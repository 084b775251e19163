package io.langop.kit.tool;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read whole before the MCP transport sees it. The transport catches every exception
 * of its own reading and answers 500, so a body that passes the server's size cap mid-read would be a 500 and an
 * error in the log; read here, the cap's failure leaves the servlet and the server answers it 413. The body is
 * held once more than the transport would hold it, within the server's cap.
 */
final class WholeBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    private WholeBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** Reads the body of the request; an IOException (the size cap among them) is the caller's to pass on. */
    static WholeBodyRequest of(HttpServletRequest request) throws IOException {
        return new WholeBodyRequest(request, request.getInputStream().readAllBytes());
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body was read whole: read it blocking");
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
