package dev.burrow.server.search;

import java.util.List;

/** A SQL boolean expression over {@code file_system} columns with its positional parameters. */
public record SqlCondition(String sql, List<Object> params) {

    public static final SqlCondition TRUE = new SqlCondition("1", List.of());

    public SqlCondition {
        params = List.copyOf(params);
    }
}
