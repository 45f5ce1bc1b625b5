package com.newsroom.comments.comment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.newsroom.comments.article.ArticleRepository;
import com.newsroom.comments.support.Readers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Refused submissions leave no trace; the duplicate check sees through disguised text. */
@QuarkusTest
class RefusedSubmissionsTest {

    @Inject
    ArticleRepository articles;

    @Test
    void postsRefusedAsTooFastCreateNoArticle() {
        String ip = Readers.uniqueIp();
        String prefix = "refused-" + UUID.randomUUID() + "-";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(Readers.post(prefix + i, ip, Map.of("name", "Flooder", "text", "Post number " + i))
                    .extract().statusCode());
        }
        assertEquals(201, statuses.get(0));
        assertEquals(19, statuses.stream().filter(s -> s == 429).count(), () -> "statuses: " + statuses);
        QuarkusTransaction.requiringNew().run(() -> {
            assertNotNull(articles.findById(prefix + 0), "the stored comment's article has its record");
            for (int i = 1; i < 20; i++) {
                assertNull(articles.findById(prefix + i), "a refused post's article has no record");
            }
        });
    }

    @Test
    void postsRefusedAsDuplicatesCreateNothingAndTheArticleOfAStoredOneIsOpen() {
        String articleId = "refused-dup-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", "Ali", "email", "ali-" + UUID.randomUUID() + "@example.com", "text", "Once only");
        assertEquals(201, Readers.post(articleId, body).extract().statusCode());
        assertEquals(409, Readers.post(articleId, body).extract().statusCode());
        QuarkusTransaction.requiringNew().run(() -> {
            var article = articles.findById(articleId);
            assertNotNull(article);
            assertEquals(true, article.commentsOpen);
            assertEquals(false, article.premoderate);
            assertNotNull(article.createdAt);
        });
    }

    @Test
    void theSameWordsInDisguiseAreADuplicate() {
        String articleId = "disguise-" + UUID.randomUUID();
        String email = "ali-" + UUID.randomUUID() + "@example.com";
        String text = "The budget vote was rigged from the start";
        assertEquals(201, Readers.post(articleId, Map.of("name", "Ali", "email", email, "text", text)).extract().statusCode());
        for (String disguise : new String[] {
                "The budget vote was rig\u200Bged from the start",   // zero-width space
                "The budget vote was rig\u00ADged from the start",   // soft hyphen
                "The budget v\u043Ete was rigged from the start",    // Cyrillic o
                "ＴＨＥ budget vote was rigged from the start" }) {   // full-width and case
            Readers.post(articleId, Map.of("name", "Ali", "email", email, "text", disguise))
                    .statusCode(409);
        }
    }
}
