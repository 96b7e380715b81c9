package dev.carmarket.bootstrap;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The BlockHound allowances of the bootstrap tests: JDK file reads that cannot stall an event loop.
 * Everything else that blocks a non-blocking thread still fails the tests.
 */
public final class JdkOneTimeInitialization implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // sun.net.NetProperties loads $JAVA_HOME/conf/net.properties when the first socket of the JVM
        // is created, which here is the first R2DBC connection, opened on a Reactor thread.
        builder.allowBlockingCallsInside("sun.net.NetProperties", "loadDefaultProperties");
        // The PostgreSQL driver's SSL negotiation (sslmode=prefer) seeds its SSLEngine from NativePRNG,
        // which refills its buffer from /dev/urandom: a file read that never waits for entropy on Linux.
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "ensureBufferValid");
    }
}
