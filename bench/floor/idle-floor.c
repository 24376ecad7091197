/*
 * The floor under a gateway at rest: one thread that polls the same devices the same way
 * (a request every PERIOD ms, the reply read and dropped; silent devices only listened to),
 * waiting in select() with a timeout to the next request. `bench idle --floor` runs it against
 * the simulated devices in place of GateEdge and measures it the same way.
 *
 * usage: idle-floor PERIOD_MS:PATH:HEXREQUEST ...   (PERIOD_MS 0 and no request: listen only)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_PORTS 256

struct port { int fd; long period_ms; long long due_ms; unsigned char request[64]; size_t request_len; };

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
    static struct port ports[MAX_PORTS];
    int count = 0;
    for (int i = 1; i < argc && count < MAX_PORTS; i++) {
        struct port *p = &ports[count++];
        char *path = strchr(argv[i], ':');
        char *hex = path ? strchr(path + 1, ':') : NULL;
        if (!hex) { fprintf(stderr, "bad argument %s\n", argv[i]); return 2; }
        *path++ = 0; *hex++ = 0;
        p->period_ms = atol(argv[i]);
        for (p->request_len = 0; hex[0] && hex[1] && p->request_len < sizeof p->request; hex += 2)
            sscanf(hex, "%2hhx", &p->request[p->request_len++]);
        p->fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
        struct termios t;
        if (p->fd < 0 || tcgetattr(p->fd, &t) < 0) { perror(path); return 1; }
        cfmakeraw(&t);
        tcsetattr(p->fd, TCSANOW, &t);
        p->due_ms = now_ms();
    }

    unsigned char buffer[4096];
    for (;;) {
        long long now = now_ms(), next = -1;
        for (int i = 0; i < count; i++) {
            struct port *p = &ports[i];
            if (p->period_ms == 0) continue;
            if (p->due_ms <= now) {
                if (write(p->fd, p->request, p->request_len) < 0) perror("write");
                p->due_ms = now + p->period_ms;
            }
            if (next < 0 || p->due_ms < next) next = p->due_ms;
        }

        fd_set readable;
        FD_ZERO(&readable);
        int highest = 0;
        for (int i = 0; i < count; i++) { FD_SET(ports[i].fd, &readable); if (ports[i].fd > highest) highest = ports[i].fd; }
        struct timeval timeout = { 0, 0 };
        if (next >= 0) { long long wait = next - now_ms(); if (wait > 0) { timeout.tv_sec = wait / 1000; timeout.tv_usec = (wait % 1000) * 1000; } }
        if (select(highest + 1, &readable, NULL, NULL, next >= 0 ? &timeout : NULL) < 0) { perror("select"); return 1; }
        for (int i = 0; i < count; i++)
            if (FD_ISSET(ports[i].fd, &readable) && read(ports[i].fd, buffer, sizeof buffer) < 0) perror("read");
    }
}
