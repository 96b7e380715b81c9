package dev.carmarket.archfixtures.violations.coreannotation.core;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Fixture: a wiring annotation declared inside core itself, so no foreign dependency gives it away. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Wired {
}
