/**
 * Money as an exact decimal amount with its currency ({@link io.crmkit.core.money.Money}).
 */
package io.crmkit.core.money;
