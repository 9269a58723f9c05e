/**
 * Customers and their file: identity, contact points that change over time, and the dated
 * history of every change. Personal data is always masked when printed.
 */
package io.crmkit.core.customer;
