package dev.carmarket.archfixtures.violations.coreannotation.core;

/** Violation: a core service wired by annotation. */
public final class AnnotatedService {

    @Wired
    private Runnable collaborator;
}
