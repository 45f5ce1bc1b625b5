/**
 * The service's own settings ({@code comments.*}) as one {@code @ConfigMapping}, the single home of
 * their defaults: {@code application.properties} holds only what differs from them, per profile. A value
 * out of range stops the service at start. Read by every package.
 */
package com.newsroom.comments.config;
