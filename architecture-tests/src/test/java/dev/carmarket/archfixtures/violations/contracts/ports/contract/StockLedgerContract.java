package dev.carmarket.archfixtures.violations.contracts.ports.contract;

import dev.carmarket.archfixtures.violations.contracts.ports.out.StockLedger;

/** Fixture: the contract test of the stock ledger. */
public abstract class StockLedgerContract {

    protected abstract StockLedger ledger();
}
