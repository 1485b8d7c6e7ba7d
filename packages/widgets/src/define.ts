// the provider first: widgets defined after it find it already answering context requests
import './provider/define.js';
import './territory-contact/define.js';
import './intake-form/define.js';
import './request-status/define.js';
import './availability-map/define.js';
import './cartodispo/define.js';
import './availability-board/define.js';
import './internship-offers/define.js';
import './practitioner-manager/define.js';
import './waiting-list/define.js';
import './outbox/define.js';
import './stats/define.js';
import './impact/define.js';
import './coordinator/define.js';
