package com.campagne;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CampagneApplication {

    public static void main(String[] args) {
        // Liquibase 5 would otherwise call home at start-up.
        if (System.getProperty("liquibase.analytics.enabled") == null) {
            System.setProperty("liquibase.analytics.enabled", "false");
        }
        SpringApplication.run(CampagneApplication.class, args);
    }
}
