package xla4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * README's library example is the consumer project's source (src/it/consumer, which the build runs
 * against the installed jar), so the example users copy is the one that is tested.
 */
class ReadmeExampleTest {
  @Test
  void readmeExampleIsTheConsumerProjectsSource() throws Exception {
    String readme = Files.readString(Paths.get("README.md"));
    int start = readme.indexOf("```java\n");
    assertTrue(start >= 0, "README has no ```java block");
    start += "```java\n".length();
    String block = readme.substring(start, readme.indexOf("```", start));
    String source = Files.readString(Paths.get("src/it/consumer/src/main/java/example/Example.java"));
    assertEquals(source.replaceFirst("^package example;\n\n", ""), block);
  }
}
