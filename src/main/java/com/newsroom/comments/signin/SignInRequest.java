package com.newsroom.comments.signin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sign-in: user name and password of a moderator account. */
@Schema(name = "SignInRequest")
public record SignInRequest(@Schema(example = "ayse") String username,
        @Schema(example = "a long pass phrase") String password) {
}
