package com.newsroom.comments.moderator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.newsroom.comments.config.CommentsConfig;

import io.quarkus.runtime.StartupEvent;

/** Creates the first admin account from configuration (comments.admin.*) on a database without moderators. */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    void onStart(@Observes StartupEvent event, CommentsConfig config, ModeratorAccounts accounts) {
        CommentsConfig.Admin admin = config.admin();
        if (admin.username().isEmpty() || admin.password().isEmpty()) {
            return;
        }
        try {
            if (accounts.createFirstAdmin(admin.username().get(), admin.password().get())) {
                LOG.infof("Created the first admin account '%s' from configuration", admin.username().get());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not create the first admin account: %s", e.getMessage());
        }
    }
}
