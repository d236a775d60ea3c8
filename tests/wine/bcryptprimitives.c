/*
 * bcryptprimitives.dll for Wine, TEST USE ONLY (never shipped in dist/).
 *
 * Why it exists: Rust's standard library (since 1.78), and the getrandom crate, take their
 * random bytes from ProcessPrng in bcryptprimitives.dll, which every Windows 10 and 11 has.
 * Debian 12's Wine 8.0 has no such DLL, so the Windows build of the relay cannot even start
 * there ("bcryptprimitives.dll not found"). `cargo xtask test` builds this file with mingw and
 * puts it beside relay.exe in target/, where Windows (and Wine) look for DLLs first.
 *
 * ProcessPrng fills the buffer from RtlGenRandom (exported by advapi32 as SystemFunction036),
 * the system's cryptographic generator, which Wine does have. Like the real one, it always
 * succeeds for any length: RtlGenRandom takes a ULONG, so large requests go in pieces.
 */
#include <windows.h>

__declspec(dllimport) BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG piece = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, piece)) {
            return FALSE;
        }
        data += piece;
        length -= piece;
    }
    return TRUE;
}
