/** placeholder */
package io.crmkit.store;
