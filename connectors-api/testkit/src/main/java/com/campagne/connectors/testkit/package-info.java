/**
 * The conformance test kit for connector plugins: extend
 * {@link com.campagne.connectors.testkit.ConnectorConformanceTest} in a plugin's tests and inherit
 * the tests every connector must pass; {@link com.campagne.connectors.testkit.RecordingSink} and
 * {@link com.campagne.connectors.testkit.TestContext} help write a connector's own tests.
 */
package com.campagne.connectors.testkit;
