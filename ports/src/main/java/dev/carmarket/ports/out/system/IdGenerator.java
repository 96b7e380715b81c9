package dev.carmarket.ports.out.system;

import java.util.UUID;

/** New resource ids (random UUIDs in production, predictable ones in tests). */
public interface IdGenerator {

    UUID newId();
}
