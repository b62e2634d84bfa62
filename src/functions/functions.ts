/*
 * The custom-functions runtime's entry: imports every module of the catalogue, each of which declares
 * its functions with the JSDoc tags that custom-functions-metadata turns into functions.json (and the
 * webpack plugin registers with CustomFunctions.associate). Thin adapters: Excel values in, engine
 * call, Excel values out; the conventions they share live in ./excel.
 */
import "./catalogue/campaigns";
import "./catalogue/customers";
import "./catalogue/models";
import "./catalogue/predictions";
import "./catalogue/rfm";
import "./catalogue/tiers";
import "./catalogue/value";
