package dev.carmarket.archfixtures.violations.unknownmodule.adapters.kafka;

/** Violation: an adapter the module graph does not know. */
public final class KafkaListener {
}
