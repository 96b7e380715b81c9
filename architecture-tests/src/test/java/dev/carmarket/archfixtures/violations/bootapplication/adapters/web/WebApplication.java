package dev.carmarket.archfixtures.violations.bootapplication.adapters.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Violation: a Spring Boot application outside bootstrap. */
@SpringBootApplication
public class WebApplication {
}
