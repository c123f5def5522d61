package io.retort.orm.model;

import java.math.BigDecimal;

/** A user value type stored through a converter. */
public record Money(BigDecimal amount) {}
