package com.newsroom.comments.moderator;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ModeratorRepository implements PanacheRepository<Moderator> {

    public Moderator findByUsername(String username) {
        return find("username", username).firstResult();
    }
}
