package com.newsroom.comments.common;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header and the three ways moderators sign in (each works on every moderation endpoint). */
@OpenAPIDefinition(info = @Info(title = "Comment moderation API", version = "1.0.0",
        description = "Submit, moderate and publish reader comments on news articles. Public endpoints are anonymous; "
                + "everything under /api/moderation needs a moderator: a session (POST /api/moderation/session), "
                + "HTTP Basic or a bearer JWT."),
        tags = {
                @Tag(name = "Comments", description = "Public: submit comments and read the published ones"),
                @Tag(name = "Reports", description = "Public: readers report published comments to the moderators"),
                @Tag(name = "Queue", description = "Moderators: the queue and decisions on comments"),
                @Tag(name = "Articles", description = "Moderators: comment settings per article"),
                @Tag(name = "Rules", description = "Admins: moderation rules (moderators may read and check)"),
                @Tag(name = "Audit", description = "Moderators: the append-only log of moderator actions"),
                @Tag(name = "Moderators", description = "Admins: moderator accounts"),
                @Tag(name = "Migration", description = "Admins: imports from WordPress and Disqus, export and restore"),
                @Tag(name = "Session", description = "Moderators: sign in and out, change the password") })
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = OpenApiDocs.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "A moderator account stored in the service"),
        @SecurityScheme(securitySchemeName = OpenApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT", description = "A token from the site's single sign-on; roles in the 'groups' claim"),
        @SecurityScheme(securitySchemeName = OpenApiDocs.SESSION, type = SecuritySchemeType.APIKEY,
                apiKeyName = "moderator_session", in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.COOKIE,
                description = "The session cookie POST /api/moderation/session sets; requests that change something "
                        + "also need the X-Requested-With header") })
public class OpenApiDocs extends Application {
    public static final String BASIC = "basic";
    public static final String BEARER = "bearer";
    public static final String SESSION = "session";
}
