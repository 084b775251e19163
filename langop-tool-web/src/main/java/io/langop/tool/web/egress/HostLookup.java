package io.langop.tool.web.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to its addresses; the system resolver unless a test scripts DNS. */
@FunctionalInterface
public interface HostLookup {

    HostLookup SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
