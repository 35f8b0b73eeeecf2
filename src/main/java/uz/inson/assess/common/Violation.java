package uz.inson.assess.common;

/** One problem with the input: the field path (or file!sheet!cell) and what is wrong with it. */
public record Violation(String field, String message) {
}
