package com.newsroom.comments.common;

import jakarta.ws.rs.core.SecurityContext;

/** Who is acting, for the audit log and rule metadata. */
public final class Actors {

    private Actors() {
    }

    public static String of(SecurityContext security) {
        return security != null && security.getUserPrincipal() != null ? security.getUserPrincipal().getName()
                : "anonymous";
    }
}
