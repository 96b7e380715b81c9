package dev.carmarket.ports.domain.car;

/** Engine data; {@code displacementCc} is null for electric cars. */
public record Engine(int powerKw, Integer displacementCc) {

    public Engine {
        if (powerKw <= 0) {
            throw new IllegalArgumentException("powerKw must be positive");
        }
        if (displacementCc != null && displacementCc <= 0) {
            throw new IllegalArgumentException("displacementCc must be positive when present");
        }
    }
}
