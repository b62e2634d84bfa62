/**
 * The privacy scanner of scripts/privacy-check.ts (run on the real build in build.test.ts and in CI):
 * each way of sending data it looks for is found in minified code, and what only looks like one is not.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { findNetworkAccess, UNREACHABLE_LIBRARY_CODE } from "../../scripts/privacy-check";

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

  it("leaves alone XML namespaces of .xlsx parts and documentation links in library messages", () => {
    const exceljs =
      'Worksheet:"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",' +
      'dc:"http://purl.org/dc/elements/1.1/",x14ac:"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";' +
      'throw new Error("see https://github.com/exceljs/exceljs/blob/master/UPGRADE-4.0.md")';
    expect(found(exceljs)).toEqual([]);
    expect(found('u="https://schemas.openxmlformats.org.evil.example/x"')).toHaveLength(1);
  });

  it("leaves alone Papa Parse's network streamer, and only that XMLHttpRequest", () => {
    const papa =
      "this._readChunk=function(){if(this._finished)this._chunkLoaded();else{if(t=new XMLHttpRequest," +
      "this._config.withCredentials&&(t.withCredentials=this._config.withCredentials),t.open(";
    expect(found(papa)).toEqual([]);
    expect(found("var t=new XMLHttpRequest;t.open('POST',u);t.send(d)")).toEqual(["XMLHttpRequest"]);
    expect(UNREACHABLE_LIBRARY_CODE.map((u) => u.what)).toEqual(["XMLHttpRequest"]);
  });

  it("holds the reason for leaving Papa Parse's streamer alone: our code never asks it to download", () => {
    const root = join(__dirname, "..", "..", "src");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(root);
    const usingPapa = files.filter((f) => /from "papaparse"/.test(readFileSync(f, "utf8")));
    expect(usingPapa.length).toBeGreaterThan(0);
    for (const f of usingPapa) {
      // Without `download: true` Papa Parse parses the string it is given as CSV text, even a URL.
      expect({ f, download: /\bdownload\b/.test(readFileSync(f, "utf8")) }).toEqual({ f, download: false });
    }
  });
});
