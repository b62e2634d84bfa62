/**
 * The privacy scanner of scripts/privacy-check.ts (run on the real build in build.test.ts and in CI):
 * each way of sending data it looks for is found in minified code, and what only looks like one is not.
 */
import { findNetworkAccess } from "../../scripts/privacy-check";

const found = (code: string) => findNetworkAccess("x.js", code).map((f) => f.what);

describe("privacy scanner", () => {
  it.each([
    ['e.then(()=>fetch("/api",{method:"POST",body:t}))', "fetch()"],
    ["window.fetch (u)", "fetch()"],
    ["var x=new XMLHttpRequest;x.open('POST',u)", "XMLHttpRequest"],
    ['const s=new WebSocket("wss"+t)', "WebSocket"],
    ["new EventSource(u)", "EventSource"],
    ["navigator.sendBeacon(u,JSON.stringify(d))", "navigator.sendBeacon"],
    ['(new Image).src=u+"?d="+d', "image beacon (new Image)"],
    ["i=new window.Image(1,1)", "image beacon (new Image)"],
    ['document.createElement("img").src=u', "image beacon (img element)"],
    ['importScripts("x.js")', "importScripts"],
    ["new RTCPeerConnection(c)", "RTCPeerConnection"],
    ['navigator.serviceWorker.register("sw.js")', "service worker"],
  ])("finds %s", (code, what) => {
    expect(found(code)).toContain(what);
  });

  it("finds remote addresses: http, https, ws and protocol-relative", () => {
    expect(found('s.src="https://cdn.example.com/t.js"')).toEqual([
      "remote address https://cdn.example.com/t.js",
    ]);
    expect(found('u="http://track.example/p?x="+d')).toEqual(["remote address http://track.example/p?x="]);
    expect(found('c("wss://push.example/socket")')).toEqual(["remote address wss://push.example/socket"]);
    expect(found('<script src="//cdn.example.net/x.js"></script>')).toEqual([
      "remote address //cdn.example.net/x.js",
    ]);
  });

  it("leaves alone what only looks like network access: React's names, XML namespaces, comments in code", () => {
    const react =
      'l.d.D(e);jp("dns-prefetch",e,null);t.prefetchDNS=function(e){};o=t.fetchPriority;' +
      'createElementNS("http://www.w3.org/2000/svg",a);var t="https://react.dev/errors/"+e;' +
      "const imageCount=1;r=a/b//c\n";
    expect(found(react)).toEqual([]);
  });
});
