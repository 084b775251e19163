/**
 * What decides whether an event starts a run and what the run sees of it: a trigger's filter, its CEL condition and
 * its mapping ({@link io.langop.sdk.trigger.TriggerRule}), over an event as it arrived
 * ({@link io.langop.sdk.trigger.IncomingEvent}). The operator compiles them when it reconciles an agent and the agent
 * runtime evaluates them per event, with the same code.
 */
package io.langop.sdk.trigger;
