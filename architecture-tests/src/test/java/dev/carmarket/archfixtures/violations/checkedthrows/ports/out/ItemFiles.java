package dev.carmarket.archfixtures.violations.checkedthrows.ports.out;

import java.io.IOException;

/** Violation: a port that declares a checked exception. */
public interface ItemFiles {

    String read(String name) throws IOException;
}
