package dev.burrow.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;

/**
 * PostHog's error body, in its two shapes (contract/file_system.md §16): a raised error carries
 * {@code type}, {@code code}, {@code detail} and {@code attr} (null included); an error a viewset
 * returns directly carries only {@code detail}. {@code unknownIds} is the stars' batch
 * endpoints' extra list of ids they did not know (written only when present).
 */
@JsonSerialize(using = ErrorBody.Writer.class)
public record ErrorBody(String type, String code, String detail, String attr, List<String> unknownIds) {

    public ErrorBody {
        unknownIds = unknownIds == null ? null : List.copyOf(unknownIds);
    }

    public ErrorBody(String type, String code, String detail, String attr) {
        this(type, code, detail, attr, null);
    }

    /** A raised error: all four fields. */
    public static ErrorBody raised(String type, String code, String detail, String attr) {
        return new ErrorBody(type, code, detail, attr, null);
    }

    /** A viewset's own answer: {@code {"detail": …}}. */
    public static ErrorBody detailOnly(String detail) {
        return new ErrorBody(null, null, detail, null, null);
    }

    /** True for the four-field shape. */
    public boolean isRaised() {
        return type != null;
    }

    /** The same error about a field inside a list item: {@code attr} gets {@code prefix} in front. */
    public ErrorBody withAttrPrefix(String prefix) {
        return attr == null ? this : new ErrorBody(type, code, detail, prefix + attr, unknownIds);
    }

    public ErrorBody withUnknownIds(List<String> ids) {
        return new ErrorBody(type, code, detail, attr, ids);
    }

    /** Writes whichever of the two shapes the body has, in PostHog's field order. */
    static final class Writer extends StdSerializer<ErrorBody> {

        private static final long serialVersionUID = 1L;

        Writer() {
            super(ErrorBody.class);
        }

        @Override
        public void serialize(ErrorBody body, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            if (body.isRaised()) {
                out.writeStringField("type", body.type());
                out.writeStringField("code", body.code());
                out.writeStringField("detail", body.detail());
                out.writeStringField("attr", body.attr());
            } else {
                out.writeStringField("detail", body.detail());
            }
            if (body.unknownIds() != null) {
                out.writeArrayFieldStart("unknown_ids");
                for (String id : body.unknownIds()) {
                    out.writeString(id);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
    }
}
