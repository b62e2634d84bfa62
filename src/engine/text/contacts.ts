/**
 * The headers of the contact and context columns every sheet that lists members shows beside the customer
 * id (name, phone, e-mail, store, channel), so a manager can act on the list; and the notes saying where
 * the values come from and when they are masked.
 */
import { bilingual } from "./bilingual";

export const CONTACT_TEXTS = bilingual({
  en: {
    name: "Name",
    phone: "Phone",
    email: "E-mail",
    store: "Store",
    channel: "Channel",
    fromOrders: "As the member's latest order line with one gives it",
    channelNote: "The channel of the member's latest order line that names one",
    masked: "Masked for sharing (settings: maskContacts, or --mask-contacts): the middle digits hidden",
    maskedEmail: "Masked for sharing (settings: maskContacts, or --mask-contacts): the name hidden",
    maskedIds:
      "The customer ids are phone numbers or e-mails: masked for sharing like them (settings: maskContacts); " +
      "ids that look the same once masked are numbered #1, #2 ...",
  },
  "zh-CN": {
    name: "姓名",
    phone: "电话",
    email: "邮箱",
    store: "门店",
    channel: "渠道",
    fromOrders: "取该会员最近一条填写了此项的订单行",
    channelNote: "该会员最近一条填写了渠道的订单行的渠道",
    masked: "为便于分享已打码（设置：maskContacts，或 --mask-contacts）：中间数字隐藏",
    maskedEmail: "为便于分享已打码（设置：maskContacts，或 --mask-contacts）：用户名隐藏",
    maskedIds:
      "客户ID 是手机号或邮箱：已按相同方式打码以便分享（设置：maskContacts）；打码后相同的ID 依次编号 #1、#2……",
  },
});
