/**
 * The connector contract: a {@link com.campagne.connectors.api.Connector} describes itself
 * ({@code spec}), checks its settings ({@code check}), lists what it can read ({@code discover}) and
 * reads records of the unified marketing schema ({@code read}) into a sink. Plugins depend on this
 * package alone (with PF4J and SLF4J, both {@code provided}).
 */
package com.campagne.connectors.api;
