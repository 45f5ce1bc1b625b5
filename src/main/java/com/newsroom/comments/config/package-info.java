/**
 * The service's own settings ({@code comments.*}) as one {@code @ConfigMapping}, with their defaults;
 * a value out of range stops the service at start. Read by every package.
 */
package com.newsroom.comments.config;
