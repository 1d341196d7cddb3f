package dev.nestor.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeaPatternTest {
    @Test
    void translatesKeaDefault() {
        assertThat(KeaPattern.translate("%D{%Y-%m-%d %H:%M:%S.%q} %-5p [%c/%i.%t] %m\n", 1234))
                .isEqualTo("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%logger/1234.%thread] %msg%n");
    }

    @Test
    void translatesSyslogDefaultAndUtcDates() {
        assertThat(KeaPattern.translate("%-5p [%c.%t] %m\n", 1)).isEqualTo("%-5level [%logger.%thread] %msg%n");
        assertThat(KeaPattern.translate("%d{%j %H:%M:%S.%q} %c %m\n", 1)).isEqualTo("%d{DDD HH:mm:ss.SSS, UTC} %logger %msg%n");
    }

    @Test
    void quotesLiteralsAndEscapesLogbackSpecials() {
        assertThat(KeaPattern.dateFormat("%Y at %H")).isEqualTo("yyyy' at 'HH");
        assertThat(KeaPattern.translate("(%m) 100%%", 1)).isEqualTo("\\(%msg\\) 100\\%");
        assertThat(KeaPattern.translate("%D{%d, %b}", 1)).isEqualTo("%d{\"dd, MMM\"}");
        assertThat(KeaPattern.translate("%.30m %20p", 1)).isEqualTo("%.30msg %20level");
        assertThat(KeaPattern.translate("[%-8i]", 42)).isEqualTo("[42      ]");
    }

    @Test
    void rejectsWhatItCannotTranslate() {
        assertThatThrownBy(() -> KeaPattern.translate("%x %m", 1)).hasMessageContaining("%x");
        assertThatThrownBy(() -> KeaPattern.translate("%D{%U} %m", 1)).hasMessageContaining("%U");
        assertThatThrownBy(() -> KeaPattern.translate("%m %", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsKeaLoggerNames() {
        assertThat(LoggerSpec.mapName("kea-dhcp4")).isEqualTo("dev.nestor");
        assertThat(LoggerSpec.mapName("nestor-dhcp4")).isEqualTo("dev.nestor");
        assertThat(LoggerSpec.mapName("kea-dhcp4.leases")).isEqualTo("dev.nestor.leases");
        assertThat(LoggerSpec.mapName("kea-dhcp4.alloc-engine")).isEqualTo("dev.nestor.alloc-engine");
        assertThat(LoggerSpec.mapName("com.zaxxer.hikari")).isEqualTo("com.zaxxer.hikari");
        assertThat(new LoggerSpec("kea-dhcp4", "debug", 0, null).severity()).isEqualTo("DEBUG");
        assertThat(new LoggerSpec("kea-dhcp4", "DEFAULT", 0, null).severity()).isNull();
        assertThatThrownBy(() -> new LoggerSpec("kea-dhcp4", "INFO", 100, null)).hasMessageContaining("expected 0-99");
        assertThatThrownBy(() -> new LoggerSpec("kea-dhcp4", "LOUD", 0, null)).hasMessageContaining("LOUD");
    }
}
