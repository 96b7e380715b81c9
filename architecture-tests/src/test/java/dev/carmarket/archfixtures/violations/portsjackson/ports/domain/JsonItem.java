package dev.carmarket.archfixtures.violations.portsjackson.ports.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Violation: a port record that knows Jackson. */
public record JsonItem(@JsonProperty("name") String name) {
}
