package io.crmkit.store;

import io.crmkit.core.customer.CustomerId;

/**
 * The customer was erased ({@link CrmStore#erase}): its personal data can no longer be read or
 * written. Complaints and the non-personal fields of change records remain readable.
 */
public final class CustomerErasedException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final CustomerId customer;

    CustomerErasedException(CustomerId customer, String what) {
        super("customer " + customer.masked() + " was erased: " + what, null);
        this.customer = customer;
    }

    /** @return the erased customer */
    public CustomerId customer() {
        return customer;
    }
}
