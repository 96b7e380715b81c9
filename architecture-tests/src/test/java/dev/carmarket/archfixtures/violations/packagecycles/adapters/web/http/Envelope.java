package dev.carmarket.archfixtures.violations.packagecycles.adapters.web.http;

import dev.carmarket.archfixtures.violations.packagecycles.adapters.web.Routes;

/** Violation: a lower-level package that reaches back up to the package that uses it. */
public final class Envelope {

    private Routes routes;
}
