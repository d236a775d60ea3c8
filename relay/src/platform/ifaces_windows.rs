//! Windows: `GetAdaptersAddresses` (IP Helper), the table `ipconfig` shows: each adapter's
//! friendly name (`以太网`, `WLAN`), its unicast addresses with their on-link prefix length,
//! and its gateways (`GAA_FLAG_INCLUDE_GATEWAYS`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use protocol::Interface;
use windows_sys::Win32::Foundation::{ERROR_BUFFER_OVERFLOW, NO_ERROR};
use windows_sys::Win32::NetworkManagement::IpHelper::{
    GAA_FLAG_INCLUDE_GATEWAYS, GAA_FLAG_SKIP_ANYCAST, GAA_FLAG_SKIP_DNS_SERVER,
    GAA_FLAG_SKIP_MULTICAST, GetAdaptersAddresses, IP_ADAPTER_ADDRESSES_LH,
};
use windows_sys::Win32::NetworkManagement::Ndis::IfOperStatusUp;
use windows_sys::Win32::Networking::WinSock::{AF_UNSPEC, SOCKET_ADDRESS};

pub fn list() -> std::io::Result<Vec<Interface>> {
    let buffer = adapters()?;
    let mut list = Vec::new();
    let mut next = buffer.as_ptr().cast::<IP_ADAPTER_ADDRESSES_LH>();
    while !next.is_null() {
        // SAFETY: `next` is an adapter of the list GetAdaptersAddresses wrote into `buffer`,
        // which lives until the end of this function; its pointers point inside that buffer.
        #[allow(unsafe_code)]
        let adapter = unsafe { &*next };
        next = adapter.Next;
        if adapter.OperStatus != IfOperStatusUp {
            continue;
        }
        // SAFETY: FriendlyName is a NUL-terminated UTF-16 string inside the buffer.
        #[allow(unsafe_code)]
        let name = unsafe { wide(adapter.FriendlyName) };
        let mut gateways = Vec::new();
        let mut gateway = adapter.FirstGatewayAddress;
        while !gateway.is_null() {
            // SAFETY: a node of the adapter's gateway list, inside the buffer.
            #[allow(unsafe_code)]
            let node = unsafe { &*gateway };
            gateway = node.Next;
            // SAFETY: the node's SOCKET_ADDRESS points at `iSockaddrLength` bytes.
            #[allow(unsafe_code)]
            gateways.extend(unsafe { ip_of(&node.Address) });
        }
        let mut unicast = adapter.FirstUnicastAddress;
        while !unicast.is_null() {
            // SAFETY: a node of the adapter's unicast list, inside the buffer.
            #[allow(unsafe_code)]
            let node = unsafe { &*unicast };
            unicast = node.Next;
            // SAFETY: as above.
            #[allow(unsafe_code)]
            let Some(addr) = (unsafe { ip_of(&node.Address) }) else {
                continue;
            };
            let gateway = gateways
                .iter()
                .copied()
                .find(|g| g.is_ipv4() == addr.is_ipv4());
            list.push(Interface {
                name: name.clone(),
                addr,
                prefix: node.OnLinkPrefixLength,
                gateway,
            });
        }
    }
    Ok(list)
}

/// The adapters' list, in a buffer aligned for its structures (asked again while too small).
fn adapters() -> std::io::Result<Vec<u64>> {
    let flags = GAA_FLAG_INCLUDE_GATEWAYS
        | GAA_FLAG_SKIP_ANYCAST
        | GAA_FLAG_SKIP_MULTICAST
        | GAA_FLAG_SKIP_DNS_SERVER;
    let mut size: u32 = 16 * 1024;
    for _ in 0..4 {
        let mut buffer = vec![0u64; (size as usize).div_ceil(8)];
        // SAFETY: `buffer` holds `size` writable bytes, 8-aligned; `size` is updated to the
        // size needed when it is too small.
        #[allow(unsafe_code)]
        let result = unsafe {
            GetAdaptersAddresses(
                u32::from(AF_UNSPEC),
                flags,
                std::ptr::null(),
                buffer.as_mut_ptr().cast(),
                &mut size,
            )
        };
        match result {
            NO_ERROR => return Ok(buffer),
            ERROR_BUFFER_OVERFLOW => continue,
            code => return Err(std::io::Error::from_raw_os_error(code as i32)),
        }
    }
    Err(std::io::Error::other("the adapter list kept growing"))
}

/// A NUL-terminated UTF-16 string.
///
/// # Safety
/// `text` is null or points at a NUL-terminated UTF-16 string.
#[allow(unsafe_code)]
unsafe fn wide(text: *const u16) -> String {
    if text.is_null() {
        return String::new();
    }
    let mut len = 0;
    // SAFETY: the caller promises a terminating NUL within the string.
    unsafe {
        while *text.add(len) != 0 {
            len += 1;
        }
        String::from_utf16_lossy(std::slice::from_raw_parts(text, len))
    }
}

/// The IP address of a SOCKET_ADDRESS (IPv4: bytes 4..8; IPv6: bytes 8..24 of the sockaddr).
///
/// # Safety
/// `address.lpSockaddr` is null or points at `iSockaddrLength` readable bytes.
#[allow(unsafe_code)]
unsafe fn ip_of(address: &SOCKET_ADDRESS) -> Option<IpAddr> {
    let len = usize::try_from(address.iSockaddrLength).ok()?;
    if address.lpSockaddr.is_null() || len < 8 {
        return None;
    }
    // SAFETY: the caller promises `len` readable bytes.
    let bytes = unsafe { std::slice::from_raw_parts(address.lpSockaddr.cast::<u8>(), len) };
    match u16::from_le_bytes([bytes[0], bytes[1]]) {
        2 => Some(IpAddr::V4(Ipv4Addr::new(
            bytes[4], bytes[5], bytes[6], bytes[7],
        ))),
        23 if len >= 24 => {
            let octets: [u8; 16] = bytes[8..24].try_into().ok()?;
            Some(IpAddr::V6(Ipv6Addr::from(octets)))
        }
        _ => None,
    }
}
