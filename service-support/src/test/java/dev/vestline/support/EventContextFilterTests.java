package dev.vestline.support;

import java.util.concurrent.atomic.AtomicReference;

import dev.vestline.messaging.EventContext;
import dev.vestline.support.web.EventContextFilter;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class EventContextFilterTests {

	static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Test
	void carriesTraceparentAndCorrelationIdIntoTheRequest() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("traceparent", TRACEPARENT);
		request.addHeader(EventContextFilter.CORRELATION_HEADER, "order-42");
		AtomicReference<EventContext> seen = new AtomicReference<>();
		new EventContextFilter().doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.set(EventContext.current()));
		assertThat(seen.get()).isEqualTo(new EventContext("order-42", null, TRACEPARENT));
		assertThat(EventContext.current().traceparent()).as("restored after the request").isNull();
	}

	@Test
	void ignoresMalformedHeaders() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("traceparent", "not-a-trace");
		request.addHeader(EventContextFilter.CORRELATION_HEADER, "x\ny");
		AtomicReference<EventContext> seen = new AtomicReference<>();
		new EventContextFilter().doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.set(EventContext.current()));
		assertThat(seen.get()).isEqualTo(new EventContext(null, null, null));
	}

}
