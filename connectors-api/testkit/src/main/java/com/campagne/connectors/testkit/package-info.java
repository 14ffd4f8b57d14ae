/** The conformance test kit for connector plugins. */
package com.campagne.connectors.testkit;
