package dev.carmarket.archfixtures.violations.corespring.core;

import org.springframework.stereotype.Service;

/** Violation: a core service wired by Spring. */
@Service
public final class SpringService {
}
