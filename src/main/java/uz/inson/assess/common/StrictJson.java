package uz.inson.assess.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * JSON is read as written: a benefits decision must not rest on a guess. No scalar is coerced into another type — no
 * number for an enum or a date ({@code birthDate: 0} is not 1970-01-01), no string for a number or a boolean, no
 * fraction for a whole amount, no boolean or number for text — and every such mismatch is a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** The same rules for every mapper the service reads requests with (REST bodies, NDJSON lines, stored requests). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual,
                LogicalType.Enum, LogicalType.DateTime, LogicalType.Collection, LogicalType.POJO}) {
            var config = mapper.coercionConfigFor(type);
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString}) {
                if (!natural(type, shape)) {
                    config.setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        // java.time reads epoch numbers while lenient
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(OffsetDateTime.class).setFormat(JsonFormat.Value.forLeniency(false));
        return mapper;
    }

    /** The JSON shapes a type is written in: numbers for numbers, text for text, enums and dates, true/false for booleans. */
    private static boolean natural(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Integer || shape == CoercionInputShape.Float;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Textual, Enum, DateTime -> shape == CoercionInputShape.String;
            default -> false;
        };
    }
}
