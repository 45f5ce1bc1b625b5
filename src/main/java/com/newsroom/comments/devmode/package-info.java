/**
 * Dev mode only: a PostgreSQL for {@code ./mvnw quarkus:dev} on a machine with nothing but a JDK.
 * Where no database is configured and no Docker runs for Quarkus Dev Services, {@link DevDatabase}
 * starts an embedded PostgreSQL with its data under {@code target/devdb} and points the datasource
 * at it. Nothing here acts in tests or in production; the library it uses is not packaged.
 */
package com.newsroom.comments.devmode;
