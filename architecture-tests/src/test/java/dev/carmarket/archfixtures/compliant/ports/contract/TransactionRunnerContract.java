package dev.carmarket.archfixtures.compliant.ports.contract;

import dev.carmarket.archfixtures.compliant.ports.out.system.TransactionRunner;

/** Fixture: the abstract contract test of the transaction boundary. */
public abstract class TransactionRunnerContract {

    protected abstract TransactionRunner runner();
}
