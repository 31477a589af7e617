package dev.vestline.support.json;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a decimal only when it is written plainly ({@code "1250.00"} or {@code 1250.00}):
 * no exponent ({@code 1e400} would pass a range check only after costing a 400-digit
 * number), no more than 18 integer and 10 fraction digits. Whether the value fits the
 * field (a currency's minor units, a maximum) is the field's own rule.
 */
public class PlainDecimalDeserializer extends ValueDeserializer<BigDecimal> {

	private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,10})?");

	@Override
	public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
				&& token != JsonToken.VALUE_NUMBER_FLOAT) {
			return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
		}
		String text = parser.getString().strip();
		if (!PLAIN.matcher(text).matches()) {
			return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, abbreviated(text),
					"must be a plain decimal such as 1250.00");
		}
		return new BigDecimal(text);
	}

	private static String abbreviated(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
