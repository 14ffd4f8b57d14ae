/**
 * The unified marketing schema: accounts, campaigns, ad groups, ads and metric rows by day or hour,
 * with explicit currency and time zone. Unknown is {@code null}, never 0.
 */
package com.campagne.connectors.api.schema;
