package dev.carmarket.archfixtures.violations.packagecycles.adapters.web;

import dev.carmarket.archfixtures.violations.packagecycles.adapters.web.http.Envelope;

/** Half of a cycle between a module's root package and one of its subpackages. */
public final class Routes {

    private Envelope envelope;
}
